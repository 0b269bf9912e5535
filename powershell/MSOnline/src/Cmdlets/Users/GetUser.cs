using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolUser: one user by ObjectId or UserPrincipalName, or the users matching the filters.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolUser", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(User))]
    public class GetUser : MsolCmdlet
    {
        private const string ListSet = "ListUsers__0";
        private const string AllSet = "All__0";
        private const string ByIdSet = "GetUser__0";
        private const string ByUpnSet = "GetUserByUpn__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByUpnSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string UserPrincipalName { get; set; }

        [Parameter]
        public SwitchParameter ReturnDeletedUsers { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public string City { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public string Country { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public string Department { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public string DomainName { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public UserEnabledFilter? EnabledFilter { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public string State { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public SwitchParameter Synchronized { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public string Title { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public SwitchParameter HasErrorsOnly { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public SwitchParameter LicenseReconciliationNeededOnly { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public SwitchParameter UnlicensedUsersOnly { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        [ArgumentCompleter(typeof(UsageLocationCompleter))]
        public string UsageLocation { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public string SearchString { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int MaxResults { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override object Target()
        {
            return UserPrincipalName ?? (ParameterSetName == ByIdSet ? (object)ObjectId : null);
        }

        protected override void ProcessOne()
        {
            Stream<User>(BoundBody(), "users", All.IsPresent);
        }
    }
}
