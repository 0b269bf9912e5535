using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolUserByStrongAuthentication: users by per-user MFA state (-Requirements), without
    /// any (-RequirementUnsetOnly), or holding a role (-RoleObjectId).</summary>
    [Cmdlet(VerbsCommon.Get, "MsolUserByStrongAuthentication", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(User))]
    public class GetUserByStrongAuthentication : MsolCmdlet
    {
        private const string ListSet = "ListUsers__0";
        private const string AllSet = "All__0";

        [ArgumentCompleter(typeof(RoleObjectIdCompleter))]
        [Parameter] public Guid? RoleObjectId { get; set; }
        [Parameter] public StrongAuthenticationRequirement[] Requirements { get; set; }
        [Parameter] public SwitchParameter RequirementUnsetOnly { get; set; }
        [Parameter] public string SearchString { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int MaxResults { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override void ProcessOne()
        {
            Stream<User>(BoundBody(), "users", All.IsPresent);
        }
    }
}
