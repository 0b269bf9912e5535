using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolAdministrativeUnit: one unit by ObjectId, or the units a user is a member of or
    /// whose display name starts with -SearchString (250 unless -All or -MaxResults).</summary>
    [Cmdlet(VerbsCommon.Get, "MsolAdministrativeUnit", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(AdministrativeUnit))]
    public class GetAdministrativeUnit : MsolCmdlet
    {
        private const string ListSet = "ListAdministrativeUnits__0";
        private const string AllSet = "All__0";
        private const string ByIdSet = "GetAdministrativeUnit__0";

        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public Guid? UserObjectId { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        [ArgumentCompleter(typeof(UserPrincipalNameCompleter))]
        public string UserPrincipalName { get; set; }

        [Parameter(ParameterSetName = ListSet)] [Parameter(ParameterSetName = AllSet)]
        public string SearchString { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int MaxResults { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override object Target()
        {
            return ParameterSetName == ByIdSet ? (object)ObjectId : null;
        }

        protected override void ProcessOne()
        {
            Stream<AdministrativeUnit>(BoundBody(), "administrative units", All.IsPresent);
        }
    }
}
